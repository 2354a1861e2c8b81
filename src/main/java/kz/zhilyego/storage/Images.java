package kz.zhilyego.storage;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.coobird.thumbnailator.Thumbnails;

/**
 * The content check of uploaded pictures: the type by magic bytes (JPEG, PNG, WebP —
 * never the file name), then a real decode with a pixel limit; the result re-encoded, so
 * no metadata (EXIF, GPS position) of the upload survives. The listing photo pipeline
 * applies the same checks with its own variants.
 */
public final class Images {

	/** Most pixels a picture may have (a 50-megapixel phone photo passes). */
	public static final long MAX_PIXELS = 60_000_000L;

	private Images() {
	}

	/** The upload is not a picture we take (or a broken one, or far too big). */
	public static final class NotAnImage extends RuntimeException {

		NotAnImage(String reason) {
			super(reason);
		}

	}

	/** Whether the bytes start like JPEG, PNG or WebP. */
	public static boolean looksLikeImage(byte[] b) {
		boolean jpeg = b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
		boolean png = b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
		boolean webp = b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W'
				&& b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
		return jpeg || png || webp;
	}

	/**
	 * Checks and decodes the picture, and encodes it as a JPEG at most {@code maxWidth}
	 * wide.
	 * @throws NotAnImage for anything else
	 */
	public static byte[] reencodeJpeg(byte[] bytes, int maxWidth) {
		if (!looksLikeImage(bytes)) {
			throw new NotAnImage("not JPEG, PNG or WebP");
		}
		BufferedImage image = decode(bytes);
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, image.getWidth(), image.getHeight());
			g.drawImage(image, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Thumbnails.of(rgb)
				.width(Math.min(maxWidth, rgb.getWidth()))
				.keepAspectRatio(true)
				.outputFormat("jpg")
				.outputQuality(0.85)
				.toOutputStream(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new NotAnImage("cannot encode: " + ex.getMessage());
		}
	}

	private static BufferedImage decode(byte[] bytes) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new NotAnImage("no reader");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels <= 0 || pixels > MAX_PIXELS) {
					throw new NotAnImage("too many pixels");
				}
				BufferedImage image = reader.read(0);
				if (image == null) {
					throw new NotAnImage("empty");
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof NotAnImage not) {
				throw not;
			}
			throw new NotAnImage("unreadable");
		}
	}

}
