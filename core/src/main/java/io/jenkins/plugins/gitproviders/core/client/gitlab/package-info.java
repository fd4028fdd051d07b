/**
 * GitLab.com and GitLab self-managed client, built on GitLab4J API.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.client.gitlab;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
