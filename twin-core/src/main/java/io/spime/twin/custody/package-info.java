/**
 * Who holds the car and who agreed to what: parties ({@link io.spime.twin.custody.PartyId}), {@link
 * io.spime.twin.custody.CustodyEpoch custody epochs} by {@link io.spime.twin.custody.CustodyRole role},
 * lease {@link io.spime.twin.custody.Term terms}, subscriptions, {@link
 * io.spime.twin.custody.Consent consents}, and the {@link io.spime.twin.custody.Viewer} an export is
 * made for.
 */
@NullMarked
package io.spime.twin.custody;

import org.jspecify.annotations.NullMarked;
