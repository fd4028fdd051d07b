/**
 * GitHub.com and GitHub Enterprise Server client, built on GitHub API for Java (org.kohsuke:github-api).
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.client.github;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
