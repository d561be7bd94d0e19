package io.smnode.post.k2pow;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory the machine can give a new allocation now: Linux's MemAvailable, else the JVM's free physical memory. */
public final class AvailableMemory {
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private AvailableMemory() {}

    public static long bytes() {
        try {
            for (String line : Files.readAllLines(MEMINFO)) {
                if (line.startsWith("MemAvailable:")) {
                    return parseKiB(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: fall through to the JVM's view
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return 0;
    }

    /** "MemAvailable:   12345678 kB" → bytes. */
    static long parseKiB(String line) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[1]) * 1024;
    }
}
