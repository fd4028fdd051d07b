/**
 * Who may send a provider's credentials where, and which jobs may use a provider: the addresses each credential
 * goes to (so that saving a new pairing of credential and address can require an administrator), and the item
 * restrictions of providers and folders.
 */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.gitproviders.core.access;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
