package io.spime.twin.experience;

/** How the maker or a partner met the customer. */
public enum Channel {
  DEALER,
  WORKSHOP,
  APP,
  WEB,
  PHONE,
  EMAIL,
  CHAT,
  IN_CAR,
  PARTNER
}
