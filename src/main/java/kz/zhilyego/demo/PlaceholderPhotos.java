package kz.zhilyego.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import kz.zhilyego.common.LossyImages;
import kz.zhilyego.storage.FileStorage;

/**
 * Draws a small set of placeholder photos for demo listings and stores them once: WebP
 * like the realtors' photos (the webp-imageio writer), JPEG only where no WebP writer
 * loads.
 */
final class PlaceholderPhotos {

	private static final int COUNT = 12;

	private static final int WIDTH = 960;

	private static final int HEIGHT = 640;

	private static final float QUALITY = 0.8f;

	private static final Color[][] PALETTES = { { new Color(0x1e3a8a), new Color(0x60a5fa) },
			{ new Color(0x065f46), new Color(0x6ee7b7) }, { new Color(0x7c2d12), new Color(0xfdba74) },
			{ new Color(0x581c87), new Color(0xd8b4fe) }, { new Color(0x0f766e), new Color(0x99f6e4) },
			{ new Color(0x9f1239), new Color(0xfda4af) } };

	private PlaceholderPhotos() {
	}

	static List<String> ensure(FileStorage storage) {
		boolean webp = ImageIO.getImageWritersByFormatName("webp").hasNext();
		String format = webp ? "webp" : "jpeg";
		List<String> keys = new ArrayList<>(COUNT);
		for (int i = 1; i <= COUNT; i++) {
			String key = "demo/photo-" + i + (webp ? ".webp" : ".jpg");
			if (!storage.exists(key)) {
				storage.put(key, encode(draw(i), format), webp ? "image/webp" : "image/jpeg");
			}
			keys.add(key);
		}
		return keys;
	}

	private static BufferedImage draw(int index) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			Color[] palette = PALETTES[index % PALETTES.length];
			g.setPaint(new GradientPaint(0, 0, palette[0], WIDTH, HEIGHT, palette[1]));
			g.fillRect(0, 0, WIDTH, HEIGHT);
			g.setColor(new Color(255, 255, 255, 210));
			int x = WIDTH / 2 - 160 + (index % 3 - 1) * 40;
			int y = HEIGHT / 2 - 40;
			g.fill(new Polygon(new int[] { x - 20, x + 160, x + 340 }, new int[] { y, y - 140, y }, 3));
			g.fillRect(x, y, 320, 200);
			g.setColor(palette[0]);
			g.fillRect(x + 40, y + 50, 70, 70);
			g.fillRect(x + 210, y + 50, 70, 70);
			g.fillRect(x + 130, y + 100, 60, 100);
			g.setStroke(new BasicStroke(3));
			g.setColor(Color.WHITE);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 42));
			g.drawString("ZhilyeGO", 40, HEIGHT - 50);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
			g.drawString("demo photo " + index, WIDTH - 260, HEIGHT - 50);
		}
		finally {
			g.dispose();
		}
		return image;
	}

	/** Lossy WebP or JPEG at {@value #QUALITY}. */
	private static byte[] encode(BufferedImage image, String format) {
		return LossyImages.encode(image, format, QUALITY);
	}

}
