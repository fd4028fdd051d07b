/**
 * Support shared by the library-based clients (GitHub API for Java, GitLab4J): a time budget per operation, the
 * diagnosis run that keeps checks in order under that budget, and the JDK HTTP plumbing for their raw calls.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.client.library;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
