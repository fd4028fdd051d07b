/**
 * The command-line entry of the core jar, for administrators checking tokens and replaying deliveries.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.cli;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
