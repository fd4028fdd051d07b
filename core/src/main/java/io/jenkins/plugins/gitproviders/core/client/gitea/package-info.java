/**
 * Talks to Gitea and Forgejo through the JDK HTTP client: connection diagnosis and repository listing.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.client.gitea;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
