package io.spime.agent.bench;

import java.nio.file.Path;

/**
 * The edge agent's CLI benchmarks (method and figures in docs/benchmarks.md, "Edge agent"). Run
 * from the repository root after {@code ./mvnw -B -q -pl edge-agent -am test-compile
 * dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test}:
 * {@code java -cp edge-agent/target/classes:edge-agent/target/test-classes:$(cat
 * edge-agent/target/bench.cp) io.spime.agent.bench.AgentBench
 * record|drain|heap|paho|paho-kill|outbox [n] [spime-only|dir]}. The outbox's JMH benchmark is
 * {@link OutboxBench}; {@link OutboxAbBench} compares two builds of the outbox in one JVM.
 */
public final class AgentBench {
  private AgentBench() {}

  public static void main(String[] args) throws Exception {
    String what = args.length > 0 ? args[0] : "record";
    System.out.println("machine: " + Bench.machine() + ", " + java.time.LocalDate.now());
    switch (what) {
      case "record" -> RecordBench.run(args.length > 1 ? Long.parseLong(args[1]) : 5_000_000L);
      case "drain" -> DrainBench.run(args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L);
      case "heap" -> HeapBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 120);
      case "paho" -> PahoBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 20_000);
      case "paho-kill" -> PahoKillBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 5_000,
          args.length < 3 || !args[2].equals("spime-only"));
      case "outbox" -> OutboxCycleBench.main(args.length > 1 ? Integer.parseInt(args[1]) : 50_000,
          Path.of(args.length > 2 ? args[2] : "/dev/shm"));
      case "outbox-ab" -> OutboxAbBench.run(Path.of(args[1]), Path.of(args[2]),
          args.length > 3 ? Integer.parseInt(args[3]) : 200, args.length > 4 ? Integer.parseInt(args[4]) : 1_000,
          Path.of(args.length > 5 ? args[5] : "/dev/shm"));
      case "paho-child" -> PahoKillBench.child(args[1], args[2], Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException("unknown benchmark " + what);
    }
    System.exit(0);
  }
}
