/**
 * When and where a build reports its status, as pure logic the plugin runs: the commits a build reports to (its webhook
 * event's, each checkout's), the final state each gets, which stage status a step means, and the dispatcher that sends
 * statuses off the build's thread, one slot (provider, repository, commit, context) at a time, retrying with the
 * {@link io.jenkins.plugins.gitproviders.core.status.RetryPolicy} and never letting an older state overwrite a newer one.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.reporting;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
