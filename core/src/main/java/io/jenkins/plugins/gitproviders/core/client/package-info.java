/**
 * Host API clients and the connection diagnosis: one client per host type behind {@link HostClient}.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.client;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
