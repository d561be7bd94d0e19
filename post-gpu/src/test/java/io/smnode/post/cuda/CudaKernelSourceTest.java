package io.smnode.post.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.testing.Vectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can be checked of the CUDA kernel without a GPU: the shipped source and PTX are there and name the kernel the
 * backend launches; where nvcc is installed the source compiles for the device; where a C++ compiler is installed
 * the kernel's label function, compiled for the host, reproduces the reference scrypt vectors (lookup gap 2 and the
 * two-chain variant included). Launch configuration, memory layout on the device and JCuda calls are only exercised on a GPU.
 */
class CudaKernelSourceTest {
    @TempDir
    Path tmp;

    @Test
    void sourceAndPtxAreShippedAndNameTheKernel() {
        String cu = CudaKernel.resource(CudaKernel.SOURCE);
        assertTrue(Pattern.compile("extern \"C\" __global__ void (__launch_bounds__\\([^)]*\\)\\s+)?"
                + CudaKernel.FUNCTION + "\\(").matcher(cu).find(), "kernel entry in .cu");
        assertEquals(count(cu, '{'), count(cu, '}'), "balanced braces");
        assertEquals(count(cu, '('), count(cu, ')'), "balanced parentheses");
        String ptx = CudaKernel.resource(CudaKernel.PTX);
        assertTrue(ptx.contains(".entry " + CudaKernel.FUNCTION + "("), "kernel entry in .ptx");
        assertTrue(ptx.contains(".version 7.0"), "PTX ISA pinned for older drivers");
    }

    @Test
    void theBackendSizesScratchForTheKernelsChainsPerThread() {
        Matcher m = Pattern.compile("#define SCRYPT_CHAINS (\\d+)").matcher(CudaKernel.resource(CudaKernel.SOURCE));
        assertTrue(m.find(), "SCRYPT_CHAINS default in the .cu");
        assertEquals(LaunchGeometry.CHAINS, Integer.parseInt(m.group(1)));
    }

    @Test
    void sourceCompilesForTheDeviceWhereNvccIsInstalled() throws Exception {
        assumeTrue(onPath("nvcc"), "nvcc not installed");
        Path cu = copyKernel();
        Run r = run(List.of("nvcc", "-ptx", "-arch=compute_75", cu.toString(), "-o", tmp.resolve("k.ptx").toString()),
                "");
        assertEquals(0, r.exit, r.output);
        assertTrue(Files.readString(tmp.resolve("k.ptx")).contains(".entry " + CudaKernel.FUNCTION));
    }

    @Test
    void kernelLabelFunctionOnTheHostMatchesTheReferenceVectors() throws Exception {
        assumeTrue(onPath("g++"), "g++ not installed");
        copyKernel();
        Path harness = tmp.resolve("check.cpp");
        try (var in = getClass().getResourceAsStream("kernel_host_check.cpp")) {
            Files.write(harness, in.readAllBytes());
        }
        Path exe = tmp.resolve("check");
        Run build = run(List.of("g++", "-O2", "-o", exe.toString(), harness.toString()), "");
        assertEquals(0, build.exit, build.output);

        List<JsonNode> cases = Vectors.casesWhere("post.json", "kind", "scrypt_label");
        StringBuilder input = new StringBuilder();
        for (JsonNode c : cases) {
            input.append(c.get("commitment_hex").asText()).append(' ').append(c.get("N").asInt()).append(' ')
                    .append(c.get("index").asLong()).append('\n');
        }
        Run out = run(List.of(exe.toString()), input.toString());
        assertEquals(0, out.exit, out.output);
        String[] lines = out.output.strip().split("\n");
        assertEquals(cases.size(), lines.length);
        for (int i = 0; i < cases.size(); i++) {
            JsonNode c = cases.get(i);
            String expected = c.has("expected_hex") ? c.get("expected_hex").asText()
                    : c.get("expected_prefix_hex").asText();
            assertEquals(expected, lines[i].substring(0, expected.length()), c.get("id").asText());
        }
    }

    private Path copyKernel() throws IOException {
        Path cu = tmp.resolve(CudaKernel.SOURCE);
        Files.writeString(cu, CudaKernel.resource(CudaKernel.SOURCE), StandardCharsets.US_ASCII);
        return cu;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private record Run(int exit, String output) {}

    private Run run(List<String> cmd, String stdin) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(cmd)).directory(tmp.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
        return new Run(p.exitValue(), output);
    }
}
