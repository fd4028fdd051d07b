/**
 * Checkout plans: from a provider, a repository reference and an optional ref, everything needed to fetch and check
 * out exactly the code a Pipeline asked for (clone URL, refspecs, what to check out, depth), validated before any of
 * it reaches {@code git}.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.checkout;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
