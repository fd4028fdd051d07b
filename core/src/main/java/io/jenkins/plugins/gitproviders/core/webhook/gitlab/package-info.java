/**
 * Reads webhook deliveries from GitLab.com and GitLab self-managed into normalised events.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.webhook.gitlab;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
