package kz.zhilyego.realtor;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import kz.zhilyego.common.LossyImages;
import kz.zhilyego.common.ProblemException;
import net.coobird.thumbnailator.Thumbnails;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns an upload into the stored variants. The type is decided by the content (magic
 * bytes, then a real decode), never by the file name: JPEG, PNG and WebP only. The image
 * is decoded to pixels (a big one at a fraction of its resolution) and re-encoded, so
 * EXIF and every other metadata block (GPS position, camera serial) is gone from every
 * variant; the EXIF orientation is applied to the pixels first, so a phone photo shot
 * upright stays upright. Variants are never upscaled.
 */
@Component
class PhotoProcessor {

	enum Kind {

		JPEG, PNG, WEBP

	}

	/** One encoded variant. */
	record Variant(byte[] bytes, int width, int height) {
	}

	/** The three variants of a photo and their format. */
	record Variants(String extension, String contentType, Variant thumbnail, Variant card, Variant full) {
	}

	private final RealtorProperties properties;

	private final String format;

	PhotoProcessor(RealtorProperties properties) {
		this.properties = properties;
		this.format = switch (properties.photoFormat().toLowerCase(Locale.ROOT)) {
			case "jpeg", "jpg" -> "jpeg";
			case "webp" -> {
				if (!webpWriterAvailable()) {
					throw new IllegalStateException("zhilyego.realtor.photo-format=webp but no ImageIO WebP writer");
				}
				yield "webp";
			}
			default -> webpWriterAvailable() ? "webp" : "jpeg";
		};
	}

	/** The output format: {@code webp} or {@code jpeg}. */
	String format() {
		return this.format;
	}

	static boolean webpWriterAvailable() {
		return ImageIO.getImageWritersByFormatName("webp").hasNext();
	}

	/** The type by magic bytes, or a 415 problem. */
	static Kind detect(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
			return Kind.JPEG;
		}
		if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
				&& bytes[4] == 0x0d && bytes[5] == 0x0a && bytes[6] == 0x1a && bytes[7] == 0x0a) {
			return Kind.PNG;
		}
		if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
				&& bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
			return Kind.WEBP;
		}
		if (isHeif(bytes)) {
			// no maintained pure-Java HEIC/HEIF decoder exists: say how to get a JPEG
			throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "photo-heic", "realtor.photo.heic");
		}
		throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "photo-unsupported-type",
				"realtor.photo.unsupportedType");
	}

	/** HEIC/HEIF (and AVIF) photos: an ISO-BMFF {@code ftyp} box with a HEIF brand. */
	static boolean isHeif(byte[] bytes) {
		if (bytes.length < 12 || bytes[4] != 'f' || bytes[5] != 't' || bytes[6] != 'y' || bytes[7] != 'p') {
			return false;
		}
		String brand = new String(bytes, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
		return HEIF_BRANDS.contains(brand);
	}

	private static final java.util.Set<String> HEIF_BRANDS = java.util.Set.of("heic", "heix", "heim", "heis", "hevc",
			"hevx", "hevm", "hevs", "mif1", "msf1", "avif", "avis");

	/** Checks and decodes an upload, then encodes the variants. */
	Variants process(byte[] bytes) {
		if (bytes.length == 0) {
			throw corrupt();
		}
		if (bytes.length > this.properties.maxPhotoSize().toBytes()) {
			throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "photo-too-large", "realtor.photo.tooLarge",
					this.properties.maxPhotoSize().toMegabytes());
		}
		Kind kind = detect(bytes);
		BufferedImage image = decode(bytes, kind);
		BufferedImage rgb = orient(opaque(image), orientation(bytes));
		return new Variants(this.format.equals("webp") ? "webp" : "jpg",
				this.format.equals("webp") ? "image/webp" : "image/jpeg",
				encode(resize(rgb, this.properties.thumbnailWidth())), encode(resize(rgb, this.properties.cardWidth())),
				encode(resize(rgb, this.properties.fullWidth())));
	}

	private BufferedImage decode(byte[] bytes, Kind kind) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw kind == Kind.WEBP ? new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
						"photo-unsupported-type", "realtor.photo.unsupportedType") : corrupt();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				long pixels = (long) width * reader.getHeight(0);
				if (pixels <= 0 || pixels > this.properties.maxPhotoPixels()) {
					throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "photo-too-large",
							"realtor.photo.tooManyPixels");
				}
				BufferedImage image = reader.read(0, subsampled(reader, width));
				if (image == null) {
					throw corrupt();
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ProblemException problem) {
				throw problem;
			}
			throw corrupt();
		}
	}

	/**
	 * A big photo (a phone's 50 or 108 megapixels) is decoded at a fraction of its size,
	 * never below twice the widest variant (the smooth resize does the rest): the decoded
	 * pixels, not the file, are what fill the memory.
	 */
	private ImageReadParam subsampled(ImageReader reader, int width) {
		ImageReadParam param = reader.getDefaultReadParam();
		int step = width / (2 * this.properties.fullWidth());
		if (step > 1) {
			param.setSourceSubsampling(step, step, 0, 0);
		}
		return param;
	}

	/**
	 * The EXIF orientation (1–8, TIFF tag 0x0112) of an image, or 1 (as stored) when it
	 * has none or it cannot be read.
	 */
	static int orientation(byte[] bytes) {
		try {
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
			for (ExifIFD0Directory exif : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
				Integer value = exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
				if (value != null && value >= 1 && value <= 8) {
					return value;
				}
			}
			return 1;
		}
		catch (ImageProcessingException | IOException | RuntimeException ex) {
			return 1;
		}
	}

	/**
	 * Turns the stored pixels so that they show as the camera meant: mirror and/or a
	 * quarter turn per EXIF orientation (5–8 swap width and height).
	 */
	static BufferedImage orient(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = orientation >= 5;
		int ow = swap ? h : w;
		int oh = swap ? w : h;
		int[] in = image.getRGB(0, 0, w, h, null, 0, w);
		int[] out = new int[in.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int tx;
				int ty;
				switch (orientation) {
					case 2 -> {
						tx = w - 1 - x;
						ty = y;
					}
					case 3 -> {
						tx = w - 1 - x;
						ty = h - 1 - y;
					}
					case 4 -> {
						tx = x;
						ty = h - 1 - y;
					}
					case 5 -> {
						tx = y;
						ty = x;
					}
					case 6 -> {
						tx = h - 1 - y;
						ty = x;
					}
					case 7 -> {
						tx = h - 1 - y;
						ty = w - 1 - x;
					}
					default -> {
						tx = y;
						ty = w - 1 - x;
					}
				}
				out[ty * ow + tx] = in[y * w + x];
			}
		}
		BufferedImage turned = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
		turned.setRGB(0, 0, ow, oh, out, 0, ow);
		return turned;
	}

	private static ProblemException corrupt() {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "photo-corrupt", "realtor.photo.corrupt");
	}

	/** Drops transparency onto white (JPEG has none) and normalises the pixel layout. */
	private static BufferedImage opaque(BufferedImage image) {
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
		return rgb;
	}

	private static BufferedImage resize(BufferedImage image, int width) {
		if (image.getWidth() <= width) {
			return image;
		}
		try {
			return Thumbnails.of(image).width(width).keepAspectRatio(true).asBufferedImage();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Variant encode(BufferedImage image) {
		return new Variant(LossyImages.encode(image, this.format, this.properties.photoQuality()), image.getWidth(),
				image.getHeight());
	}

}
