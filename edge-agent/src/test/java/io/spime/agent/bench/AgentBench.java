package io.spime.agent.bench;

/**
 * The edge agent's CLI benchmarks (method and figures in docs/benchmarks.md, "Edge agent"). Run
 * from the repository root after {@code ./mvnw -o install -pl edge-agent -DskipTests} and
 * {@code ./mvnw -q -o -pl edge-agent dependency:build-classpath -Dmdep.outputFile=cp.txt
 * -Dmdep.includeScope=test}:
 * {@code java -cp edge-agent/target/classes:edge-agent/target/test-classes:$(cat edge-agent/cp.txt)
 * io.spime.agent.bench.AgentBench record|drain|heap|paho|paho-kill [n] [spime-only]}.
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
      case "paho-child" -> PahoKillBench.child(args[1], args[2], Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException("unknown benchmark " + what);
    }
    System.exit(0);
  }
}
