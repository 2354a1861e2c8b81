package kz.zhilyego.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
		meter.pgTicks = meter.pgTicksAndExiting()[0];
		return meter;
	}

	/**
	 * [JVM ms, PostgreSQL ms] since start. Backends whose clients have just disconnected
	 * (the raw JDBC clients close their connections as their window ends) are exiting as
	 * this reads: one reaped between the read of the postmaster's reaped-children total
	 * and the walk over its live children counts in neither, and an exited one that is
	 * not reaped yet shows no CPU time. The raw holds' PostgreSQL CPU read 0.06 ms a hold
	 * that way (sixth pass). So the reading is repeated until no child is left exiting
	 * and two readings 20 ms apart agree within 50 ms of CPU, for up to five seconds.
	 */
	double[] stop() {
		double jvm = (jvmCpuNanos() - this.jvmNanos) / 1e6;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		long[] last = pgTicksAndExiting();
		while (System.nanoTime() < deadline) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
			long[] next = pgTicksAndExiting();
			boolean settled = last[1] == 0 && next[1] == 0 && next[0] - last[0] <= 5;
			last = next;
			if (settled) {
				break;
			}
		}
		return new double[] { jvm, (last[0] - this.pgTicks) / TICKS_PER_MS };
	}

	private static long jvmCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	/** [CPU ticks of the postmaster and its children, children exited but not reaped]. */
	private long[] pgTicksAndExiting() {
		if (this.postmaster < 0) {
			return new long[2];
		}
		long ticks = 0;
		long exiting = 0;
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
					if ("Z".equals(stat[2]) || "X".equals(stat[2])) {
						exiting++;
					}
				}
			}
		}
		catch (IOException ex) {
			return new long[] { ticks, exiting };
		}
		return new long[] { ticks, exiting };
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
