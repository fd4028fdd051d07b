/**
 * Talks to Bitbucket Cloud and Bitbucket Server / Data Center through the JDK HTTP client: connection diagnosis and repository listing.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.client.bitbucket;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
