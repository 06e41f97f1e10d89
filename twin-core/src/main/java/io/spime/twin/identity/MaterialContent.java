package io.spime.twin.identity;

import io.spime.twin.internal.Checks;

/**
 * How much of one material the car holds, for circularity and the battery passport.
 *
 * @param material such as {@code lithium}, {@code cobalt}, {@code aluminium}
 * @param massKg mass in kilograms
 * @param recycledShare share of recycled content, 0 to 1
 */
public record MaterialContent(String material, double massKg, double recycledShare) {
  public MaterialContent {
    Checks.text(material, "material");
    Checks.nonNegative(massKg, "massKg");
    Checks.share(recycledShare, "recycledShare");
  }
}
