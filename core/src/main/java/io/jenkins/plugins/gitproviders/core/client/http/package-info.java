/**
 * A small, safe HTTP layer over the JDK {@code HttpClient} and Jackson for the host clients: a time budget per
 * operation, no credential on another origin, bounded bodies, proxies from plain settings, and plain-language causes.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.client.http;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
