package io.spime.sim;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Makes every command's help read whole at 80 columns: a description written as several lines in
 * the source becomes one paragraph that picocli wraps evenly, and a command without a header gets
 * the first sentence of its description as the summary the command list shows (picocli would show
 * the first source line, cut mid-sentence).
 */
final class HelpLayout {
  static final int WIDTH = 80;

  private HelpLayout() {}

  /** Lays out {@code line}'s help and that of every subcommand, recursively. */
  static void apply(CommandLine line) {
    CommandSpec spec = line.getCommandSpec();
    spec.usageMessage().width(WIDTH).autoWidth(false);
    String[] description = spec.usageMessage().description();
    if (description.length > 0) {
      String paragraph = String.join(" ", description).strip();
      spec.usageMessage().description(paragraph);
      if (spec.usageMessage().header().length == 0 && line.getParent() != null) {
        spec.usageMessage().header(firstSentence(paragraph));
        // The summary is for the command list; the command's own help starts with its description.
        line.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER,
            help -> "");
      }
    }
    for (OptionSpec option : List.copyOf(spec.options())) {
      if (option.description().length > 1) {
        OptionSpec joined = option.toBuilder()
            .description(String.join(" ", option.description()).strip()).build();
        spec.remove(option);
        spec.addOption(joined);
      }
    }
    line.getSubcommands().values().forEach(HelpLayout::apply);
  }

  /** The text up to the first ". " (or all of it). */
  static String firstSentence(String paragraph) {
    int end = paragraph.indexOf(". ");
    return end < 0 ? paragraph : paragraph.substring(0, end + 1);
  }

}
