package kz.zhilyego.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes drawn on the server (ZXing) as PNG data URIs, e.g. the Kaspi payment QR on the
 * hold page: no outside service, and the page works without JavaScript.
 */
final class QrCodes {

	/** Pixels per module, and the quiet zone in modules the scanners need. */
	private static final int SCALE = 6;

	private static final int MARGIN = 4;

	private QrCodes() {
	}

	/** A PNG of the payload as a {@code data:image/png;base64,…} URI. */
	static String pngDataUri(String payload) {
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(payload));
	}

	static byte[] png(String payload) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 0,
							EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot encode a QR code of " + payload.length() + " characters", ex);
		}
		int modules = matrix.getWidth();
		int size = (modules + 2 * MARGIN) * SCALE;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				int mx = x / SCALE - MARGIN;
				int my = y / SCALE - MARGIN;
				boolean dark = mx >= 0 && my >= 0 && mx < modules && my < modules && matrix.get(mx, my);
				image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
