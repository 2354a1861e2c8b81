package kz.zhilyego.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodesTest {

	@Test
	void theGeneratedPngDecodesBackToTheKaspiPayload() throws Exception {
		String payload = "https://pay.kaspi.kz/pay/abc123?amount=60000&ExternalId=6f1c-жильё";
		String uri = QrCodes.pngDataUri(payload);
		assertThat(uri).startsWith("data:image/png;base64,");
		byte[] png = Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length()));
		assertThat(decode(png)).isEqualTo(payload);
	}

	@Test
	void aBareQrTokenIsEncodedAsItIs() throws Exception {
		assertThat(decode(QrCodes.png("51236903777280167836178166503744")))
			.isEqualTo("51236903777280167836178166503744");
	}

	static String decode(byte[] png) throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		BinaryBitmap bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		return new QRCodeReader().decode(bitmap).getText();
	}

}
