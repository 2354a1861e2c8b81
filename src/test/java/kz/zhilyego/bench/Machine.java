package kz.zhilyego.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** What the numbers were measured on: cores, memory, JDK, OS, load average. */
final class Machine {

	private Machine() {
	}

	static Map<String, Object> describe() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cpus", Runtime.getRuntime().availableProcessors());
		machine.put("memTotal", procLine("/proc/meminfo", "MemTotal"));
		machine.put("cpuModel", procLine("/proc/cpuinfo", "model name"));
		machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("benchHeapMaxMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		machine.put("loadAverageAtStart", loadAverage());
		machine.put("calibrationMsAtStart", calibrationMs());
		return machine;
	}

	/**
	 * How fast one core of the machine is right now: a fixed single-threaded workload
	 * (sorting a seeded million ints, hashing 16 MB), the best of the last 20 of 100
	 * runs, in ms (~3 s). The first ~35 runs are 40 % slower, until the JIT compiles the
	 * sort with vector instructions; after that two JVMs on the same host still differ by
	 * up to 15 %. So it tells a host that is much slower (a shared host can be, from one
	 * hour to the next, with an idle load average), not a few per cent.
	 */
	static double calibrationMs() {
		int[] seeded = new SplittableRandom(20261202).ints(1_000_000).toArray();
		byte[] block = new byte[1 << 20];
		long best = Long.MAX_VALUE;
		long sink = 0;
		for (int round = 0; round < 100; round++) {
			long start = System.nanoTime();
			int[] ints = seeded.clone();
			Arrays.sort(ints);
			sink += ints[ints.length / 2];
			MessageDigest sha = sha256();
			for (int i = 0; i < 16; i++) {
				block[0] = (byte) i;
				sha.update(block);
			}
			sink += sha.digest()[0];
			if (round >= 80) {
				best = Math.min(best, System.nanoTime() - start);
			}
		}
		if (sink == Long.MIN_VALUE) {
			throw new IllegalStateException("unreachable: keeps the work from being optimised away");
		}
		return Math.round(best / 10_000.0) / 100.0;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/** VmRSS of a process in MB, or -1. */
	static long rssMb(long pid) {
		String line = procLine("/proc/" + pid + "/status", "VmRSS");
		if (line.isEmpty()) {
			return -1;
		}
		return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
	}

	private static String procLine(String file, String key) {
		try {
			return Files.readAllLines(Path.of(file))
				.stream()
				.filter(l -> l.startsWith(key))
				.map(l -> l.substring(l.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("");
		}
		catch (IOException ex) {
			return "";
		}
	}

}
