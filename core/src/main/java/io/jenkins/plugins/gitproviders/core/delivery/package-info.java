/**
 * Nothing lost: the journal of accepted deliveries until their builds are queued, the deliveries log kept across
 * restarts, catching up on pushes missed during a gap, and folding a push storm into one build per job and ref. Files
 * are written crash-safely (append and fsync, or write a temporary file and rename it atomically) and read
 * tolerantly: a damaged file is reported, never a reason not to start.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.delivery;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
