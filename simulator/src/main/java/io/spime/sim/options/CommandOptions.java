package io.spime.sim.options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * Fits the shared options to one command: their defaults there, which ones it cannot do without, and
 * a sentence of help that holds only there. A command names a subclass of its own in {@code
 * @Command(modelTransformer = …)}, whose constructor says what fits; picocli applies it once the
 * command's options, its mixins' included, are known.
 */
public abstract class CommandOptions implements CommandLine.IModelTransformer {
  private final Map<String, String> defaults = new LinkedHashMap<>();
  private final Map<String, List<String>> notes = new LinkedHashMap<>();
  private final List<String> required = new ArrayList<>();

  /** Gives {@code option} this default, as if it were written on the command line. */
  protected final void defaultValue(String option, String value) {
    defaults.put(option, value);
  }

  /** The command cannot run without {@code option}: leaving it out is a usage error. */
  protected final void required(String option) {
    required.add(option);
  }

  /** Adds a sentence to {@code option}'s help in this command, such as what it does without it. */
  protected final void note(String option, String sentence) {
    notes.computeIfAbsent(option, name -> new ArrayList<>()).add(sentence);
  }

  /**
   * @throws IllegalStateException if the command has no option of a name fitted here
   */
  @Override
  public final CommandSpec transform(CommandSpec spec) {
    List<String> names = new ArrayList<>(defaults.keySet());
    names.addAll(notes.keySet());
    names.addAll(required);
    for (String name : names.stream().distinct().toList()) {
      OptionSpec option = spec.findOption(name);
      if (option == null) {
        throw new IllegalStateException(spec.qualifiedName() + " has no option " + name + " to fit");
      }
      OptionSpec.Builder fitted = option.toBuilder();
      if (defaults.containsKey(name)) {
        fitted.defaultValue(defaults.get(name));
      }
      if (required.contains(name)) {
        fitted.required(true).defaultValue(null);
      }
      if (notes.containsKey(name)) {
        List<String> description = new ArrayList<>(Arrays.asList(fitted.description()));
        description.addAll(notes.get(name));
        fitted.description(description.toArray(String[]::new));
      }
      spec.remove(option);
      spec.addOption(fitted.build());
    }
    return spec;
  }
}
