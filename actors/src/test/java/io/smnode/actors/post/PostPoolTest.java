package io.smnode.actors.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smnode.post.label.CpuLabelBackend;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostPoolTest {
    @Test
    void theCpuBackendBecomesThatManyCpuWorkers() {
        PostPool p = PostPool.of(CpuLabelBackend.scryptJane(4), 4);
        assertEquals(List.of(), p.gpus());
        assertEquals(4, p.cpuWorkers());
    }

    @Test
    void aDeviceBecomesOneWorkerWithTheCpuAsFallbackOnly() {
        FaultyBackend device = FaultyBackend.onceAt(0);
        PostPool p = PostPool.of(device, 4);
        assertEquals(List.of(device), p.gpus());
        assertEquals(0, p.cpuWorkers());
        assertEquals(CpuLabelBackend.scryptJane(1).name(), p.cpu().name());
    }

    @Test
    void severalDevicesBecomeOneWorkerEach() {
        FaultyBackend first = FaultyBackend.onceAt(0);
        FaultyBackend second = FaultyBackend.onceAt(0);
        PostPool p = PostPool.of(List.of(first, second), 4);
        assertEquals(List.of(first, second), p.gpus());
        assertEquals(0, p.cpuWorkers());
        assertEquals(4, PostPool.of(List.of(), 4).cpuWorkers());
    }

    @Test
    void aPoolWithoutWorkersIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new PostPool(List.of(), CpuLabelBackend.scryptJane(1), 0, 3, Duration.ofMinutes(1)));
    }
}
