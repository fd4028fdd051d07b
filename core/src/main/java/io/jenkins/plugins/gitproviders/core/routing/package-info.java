/**
 * Routing of webhook events to the jobs that watch them: ref patterns, subscriptions, the job index keyed by
 * repository, and de-duplication of deliveries.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.routing;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
