/**
 * Webhook deliveries: host detection, verification, parsing into one normalised event, and routing.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
