package kz.zhilyego.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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
		return machine;
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
