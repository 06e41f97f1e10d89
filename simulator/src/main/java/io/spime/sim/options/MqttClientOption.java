package io.spime.sim.options;

import io.spime.sim.internal.scenario.MqttClient;
import picocli.CommandLine.Option;

/** {@code --mqtt-client paho|hivemq}: the MQTT client library of the simulated cars. */
public final class MqttClientOption {
  @Option(names = "--mqtt-client", paramLabel = "paho|hivemq", defaultValue = "paho",
      converter = Converter.class,
      description = {"The cars' MQTT client: paho (four threads per car) or hivemq (every car of a",
          "process on a few shared threads, for thousands of cars in one JVM; default ${DEFAULT-VALUE})."})
  private MqttClient client = MqttClient.PAHO;

  public MqttClient client() {
    return client;
  }

  /** Reads {@code paho} or {@code hivemq}. */
  static final class Converter implements picocli.CommandLine.ITypeConverter<MqttClient> {
    @Override
    public MqttClient convert(String value) {
      try {
        return MqttClient.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
