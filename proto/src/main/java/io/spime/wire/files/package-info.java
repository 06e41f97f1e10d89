/** Files and folders created owner-only (0600, 0700), for every module that writes them. */
@NullMarked
package io.spime.wire.files;

import org.jspecify.annotations.NullMarked;
