package io.fdl.runtime.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * Companion to the JMH benchmarks for a heavily shared machine: measures thread CPU time per
 * operation (much less sensitive to other processes than wall-clock time).
 * Run: java -cp target/benchmarks.jar io.fdl.runtime.bench.CpuTimeProbe
 */
public final class CpuTimeProbe {
    public static void main(String[] args) {
        GmlBenchmark b = new GmlBenchmark();
        b.setup();
        run("distinctObjects (99 999)", b::distinctObjects, 20);
        run("compileMapping", b::compileMapping, 20_000);
        run("evalArithmetic", b::evalArithmetic, 5_000_000);
        run("evalObjectWithChain", b::evalObjectWithChain, 200_000);
        run("evalTemplate", b::evalTemplate, 2_000_000);
        run("baselineHandwritten", b::baselineHandwrittenChain, 200_000);
    }

    private static Object sink;

    private static void run(String name, Supplier<?> op, int n) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 4; round++) {
            long cpu0 = mx.getCurrentThreadCpuTime(), wall0 = System.nanoTime();
            for (int i = 0; i < n; i++) sink = op.get();
            long cpu = mx.getCurrentThreadCpuTime() - cpu0, wall = System.nanoTime() - wall0;
            if (round >= 2) {
                System.out.printf("%-22s cpu %10.1f ns/op   wall %10.1f ns/op%n", name, cpu / (double) n, wall / (double) n);
            }
        }
    }
}
