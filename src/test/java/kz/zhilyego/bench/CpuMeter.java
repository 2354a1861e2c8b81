package kz.zhilyego.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU time spent by this JVM (app and benchmark clients together) and by the embedded
 * PostgreSQL server (postmaster, its live children, and the children it already reaped)
 * over a window, from {@code /proc} (Linux; zero elsewhere). On a shared machine the
 * throughput depends on the share of the cores the run gets; CPU milliseconds per
 * operation do not (much), so they compare runs made under different loads.
 */
final class CpuMeter {

	private static final double TICKS_PER_MS = 100 / 1000.0; // USER_HZ is 100 on Linux

	private final long postmaster;

	private long jvmNanos;

	private long pgTicks;

	private CpuMeter(long postmaster) {
		this.postmaster = postmaster;
	}

	static CpuMeter start(JdbcClient jdbc) {
		long postmaster = -1;
		try {
			long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
			postmaster = Long.parseLong(stat(backend)[3]);
		}
		catch (RuntimeException ex) {
			// not on this machine (e.g. bench.db-url elsewhere): JVM only
		}
		CpuMeter meter = new CpuMeter(postmaster);
		meter.jvmNanos = jvmCpuNanos();
		meter.pgTicks = meter.pgTicks();
		return meter;
	}

	/** [JVM ms, PostgreSQL ms] since start. */
	double[] stop() {
		return new double[] { (jvmCpuNanos() - this.jvmNanos) / 1e6, (pgTicks() - this.pgTicks) / TICKS_PER_MS };
	}

	private static long jvmCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	private long pgTicks() {
		if (this.postmaster < 0) {
			return 0;
		}
		long ticks = 0;
		String[] own = stat(this.postmaster);
		if (own.length > 16) {
			// utime, stime, cutime, cstime: reaped backends count in the last two
			ticks += Long.parseLong(own[13]) + Long.parseLong(own[14]) + Long.parseLong(own[15])
					+ Long.parseLong(own[16]);
		}
		try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
			for (Path proc : procs.toList()) {
				String name = proc.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				String[] stat = stat(Long.parseLong(name));
				if (stat.length > 14 && stat[3].equals(String.valueOf(this.postmaster))) {
					ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
				}
			}
		}
		catch (IOException ex) {
			return ticks;
		}
		return ticks;
	}

	/** Fields of /proc/pid/stat, index 0 = pid; the command name is squeezed out. */
	private static String[] stat(long pid) {
		try {
			String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String rest = line.substring(line.lastIndexOf(')') + 2);
			String[] fields = rest.split(" ");
			String[] all = new String[fields.length + 2];
			all[0] = String.valueOf(pid);
			all[1] = "comm";
			System.arraycopy(fields, 0, all, 2, fields.length);
			return all;
		}
		catch (IOException | RuntimeException ex) {
			return new String[0];
		}
	}

}
