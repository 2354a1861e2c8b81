package kz.zhilyego.common;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes an image in a lossy format (WebP, JPEG) at a quality, through the ImageIO writer
 * of that format: the one encoder of listing photos and the demo's placeholders.
 */
public final class LossyImages {

	private LossyImages() {
	}

	/**
	 * The image as {@code format} (an ImageIO format name with a writer on the class
	 * path) at {@code quality} (0–1), lossy where the writer offers a choice.
	 */
	public static byte[] encode(BufferedImage image, String format, float quality) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			if (param.canWriteCompressed()) {
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				String[] types = param.getCompressionTypes();
				if (types != null && types.length > 0 && param.getCompressionType() == null) {
					param.setCompressionType(lossy(types));
				}
				param.setCompressionQuality(quality);
			}
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	private static String lossy(String[] types) {
		for (String type : types) {
			if (type.toLowerCase(Locale.ROOT).contains("lossy")) {
				return type;
			}
		}
		return types[0];
	}

}
