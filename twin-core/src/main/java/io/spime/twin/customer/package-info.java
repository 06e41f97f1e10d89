/**
 * The customer master record ({@link io.spime.twin.customer.CustomerRecord}), its profile and
 * interactions, touchpoint kinds, and the {@link io.spime.twin.customer.ErasureReport} of an erased
 * data subject. The store role is {@link io.spime.twin.CustomerRecords}.
 */
@NullMarked
package io.spime.twin.customer;

import org.jspecify.annotations.NullMarked;
