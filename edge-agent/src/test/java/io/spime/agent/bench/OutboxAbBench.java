package io.spime.agent.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Two builds of the edge agent's classes (say, before and after a change to the outbox) in one
 * JVM, each in a class loader of its own with an outbox of its own, measured in alternating blocks
 * of {@link OutboxCycleBench} cycles: A B B A, A B B A, … A machine whose speed drifts (other
 * users, frequency, caches) then slows both alike, and the ratio of each pair of neighbouring
 * blocks shows the change alone. Run with the bench classes and the dependencies on the class path
 * but not the agent's own classes: {@code AgentBench outbox-ab DIR_A DIR_B [blocks] [cycles] [base]}.
 */
final class OutboxAbBench {
  private OutboxAbBench() {}

  static void run(Path classesA, Path classesB, int blocks, int cycles, Path base) throws Exception {
    Build a = new Build("A", classesA, base);
    Build b = new Build("B", classesB, base);
    try {
      for (String path : List.of("sealSendAck", "sealNumberResendAck")) {
        for (int i = 0; i < 10; i++) { // warm-up, not measured
          a.run(path, cycles);
          b.run(path, cycles);
        }
        List<Double> cpuA = new ArrayList<>();
        List<Double> cpuB = new ArrayList<>();
        List<Double> wallA = new ArrayList<>();
        List<Double> wallB = new ArrayList<>();
        for (int i = 0; i < blocks; i++) {
          boolean aFirst = i % 2 == 0;
          long[] first = (aFirst ? a : b).run(path, cycles);
          long[] second = (aFirst ? b : a).run(path, cycles);
          long[] tookA = aFirst ? first : second;
          long[] tookB = aFirst ? second : first;
          cpuA.add(tookA[0] / 1e3 / cycles);
          cpuB.add(tookB[0] / 1e3 / cycles);
          wallA.add(tookA[1] / 1e3 / cycles);
          wallB.add(tookB[1] / 1e3 / cycles);
        }
        System.out.printf("RESULT %s: %d blocks of %,d cycles each; cpu us/cycle median A %.2f, B %.2f, "
                + "A/B of neighbours: median %.3f (A faster in %d of %d); wall us/cycle median A %.2f, B %.2f, "
                + "A/B median %.3f%n", path, blocks, cycles, median(cpuA), median(cpuB), medianRatio(cpuA, cpuB),
            fasterCount(cpuA, cpuB), blocks, median(wallA), median(wallB), medianRatio(wallA, wallB));
      }
    } finally {
      a.close();
      b.close();
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double medianRatio(List<Double> a, List<Double> b) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      ratios.add(a.get(i) / b.get(i));
    }
    return median(ratios);
  }

  private static int fasterCount(List<Double> a, List<Double> b) {
    int count = 0;
    for (int i = 0; i < a.size(); i++) {
      count += a.get(i) < b.get(i) ? 1 : 0;
    }
    return count;
  }

  /** One build: its classes in a loader that finds the agent's classes itself, before its parent. */
  private static final class Build implements AutoCloseable {
    private final URLClassLoader loader;
    private final AutoCloseable bench;
    private final Method run;

    Build(String name, Path classes, Path base) throws Exception {
      URL benchClasses = OutboxAbBench.class.getProtectionDomain().getCodeSource().getLocation();
      this.loader = new URLClassLoader(name, new URL[] {classes.toUri().toURL(), benchClasses},
          OutboxAbBench.class.getClassLoader()) {
        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
          if (!className.startsWith("io.spime.agent.")) {
            return super.loadClass(className, resolve);
          }
          synchronized (getClassLoadingLock(className)) {
            Class<?> loaded = findLoadedClass(className);
            return loaded != null ? loaded : findClass(className);
          }
        }
      };
      Class<?> type = loader.loadClass(OutboxCycleBench.class.getName());
      this.bench = (AutoCloseable) type.getConstructor(Path.class).newInstance(base);
      this.run = type.getMethod("run", String.class, int.class);
    }

    long[] run(String path, int cycles) throws Exception {
      return (long[]) run.invoke(bench, path, cycles);
    }

    @Override
    public void close() throws Exception {
      bench.close();
      loader.close();
    }
  }
}
