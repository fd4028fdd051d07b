/**
 * Reads webhook deliveries from Gitea, Forgejo and Gogs into normalised events.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.webhook.gitea;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
