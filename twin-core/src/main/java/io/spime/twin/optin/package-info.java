/**
 * Opt-ins with a purpose and partner pseudonyms: an {@link io.spime.twin.optin.OptIn} records what a
 * customer agreed to (a {@link io.spime.twin.optin.Purpose}), for whom, under which version of the text,
 * where and when, and its withdrawal; a {@link io.spime.twin.optin.Pseudonym} is the id by which one
 * partner knows one customer. The store role is {@link io.spime.twin.CustomerOptIns}; start there.
 */
@NullMarked
package io.spime.twin.optin;

import org.jspecify.annotations.NullMarked;
