package kz.zhilyego.realtor;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Small images for upload tests, drawn in memory. */
final class TestImages {

	private TestImages() {
	}

	static byte[] jpeg(int width, int height) {
		return encode(image(width, height, BufferedImage.TYPE_INT_RGB), "jpg");
	}

	static byte[] png(int width, int height) {
		return encode(image(width, height, BufferedImage.TYPE_INT_ARGB), "png");
	}

	/**
	 * A JPEG with an EXIF APP1 segment (a fake GPS/camera block) right after the SOI
	 * marker.
	 */
	static byte[] jpegWithExif(int width, int height) {
		byte[] plain = jpeg(width, height);
		byte[] payload = "Exif\0\0MM\0*GPS-SECRET-Astana-51.128-71.430".getBytes(StandardCharsets.ISO_8859_1);
		int length = payload.length + 2;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xFF);
		out.write(0xD8);
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xff);
		out.writeBytes(payload);
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	/**
	 * A blue JPEG with a red square in its top-left corner (as stored) and a hand-written
	 * EXIF APP1 segment (big-endian TIFF, IFD0 with one entry: Orientation, SHORT).
	 */
	static byte[] jpegWithOrientation(int width, int height, int orientation) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.BLUE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.RED);
		g.fillRect(0, 0, width / 4, height / 4);
		g.dispose();
		byte[] plain = encode(image, "jpg");
		ByteArrayOutputStream exif = new ByteArrayOutputStream();
		exif.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
		exif.writeBytes(new byte[] { 'M', 'M', 0, 0x2A, 0, 0, 0, 8 }); // TIFF header,
																		// IFD0 at 8
		exif.writeBytes(new byte[] { 0, 1 }); // one entry
		exif.writeBytes(new byte[] { 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0 });
		exif.writeBytes(new byte[] { 0, 0, 0, 0 }); // no next IFD
		byte[] payload = exif.toByteArray();
		int length = payload.length + 2;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xFF);
		out.write(0xD8);
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xff);
		out.writeBytes(payload);
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	/** A real JPEG cut short: magic bytes right, pixels missing. */
	static byte[] corruptJpeg() {
		byte[] jpeg = jpeg(400, 300);
		byte[] cut = new byte[200];
		System.arraycopy(jpeg, 0, cut, 0, cut.length);
		return cut;
	}

	private static BufferedImage image(int width, int height, int type) {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(30, 90, 200));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.ORANGE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		return image;
	}

	private static byte[] encode(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
