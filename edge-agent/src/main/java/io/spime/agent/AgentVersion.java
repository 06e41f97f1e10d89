package io.spime.agent;

/** The agent's version as announced in its birth message. */
final class AgentVersion {
  private AgentVersion() {}

  static String current() {
    String version = AgentVersion.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
