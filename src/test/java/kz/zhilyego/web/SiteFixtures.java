package kz.zhilyego.web;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import kz.zhilyego.storage.FileStorage;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data the site pages show: photos, coordinates and house rules of a listing. */
final class SiteFixtures {

	private static final Color[][] PALETTES = { { new Color(0x1e3a8a), new Color(0x60a5fa) },
			{ new Color(0x065f46), new Color(0x34d399) }, { new Color(0x7c2d12), new Color(0xfb923c) } };

	private final JdbcClient jdbc;

	private final FileStorage storage;

	SiteFixtures(JdbcClient jdbc, FileStorage storage) {
		this.jdbc = jdbc;
		this.storage = storage;
	}

	/** Adds {@code count} generated photos (the first is the main one). */
	void photos(long listingId, int count) {
		for (int i = 0; i < count; i++) {
			String key = "test/site-photo-" + (i % PALETTES.length) + ".jpg";
			if (!this.storage.exists(key)) {
				this.storage.put(key, draw(i % PALETTES.length), "image/jpeg");
			}
			this.jdbc.sql("""
					insert into listing_photos (listing_id, position, main, storage_key, content_type, width, height)
					values (:listing, :position, :main, :key, 'image/jpeg', 480, 320)
					""")
				.param("listing", listingId)
				.param("position", i)
				.param("main", i == 0)
				.param("key", key)
				.update();
		}
	}

	void details(long listingId, String description, String rules) {
		this.jdbc.sql("""
				update listings set description = :description, house_rules = :rules,
				    latitude = 51.128207, longitude = 71.430411
				where id = :id
				""").param("description", description).param("rules", rules).param("id", listingId).update();
	}

	/** Puts the listing on the map. */
	void place(long listingId, double latitude, double longitude) {
		this.jdbc.sql("update listings set latitude = :lat, longitude = :lon where id = :id")
			.param("lat", java.math.BigDecimal.valueOf(latitude))
			.param("lon", java.math.BigDecimal.valueOf(longitude))
			.param("id", listingId)
			.update();
	}

	private static byte[] draw(int index) {
		BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setPaint(new GradientPaint(0, 0, PALETTES[index][0], 480, 320, PALETTES[index][1]));
			g.fillRect(0, 0, 480, 320);
			g.setColor(new Color(255, 255, 255, 200));
			g.fillRect(150, 130, 180, 120);
			g.fillPolygon(new int[] { 130, 240, 350 }, new int[] { 130, 60, 130 }, 3);
		}
		finally {
			g.dispose();
		}
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "jpg", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
