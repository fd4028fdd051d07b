/** Which jobs may use which provider: the Git providers of folders and the checks of the steps and the trigger. */
package io.jenkins.plugins.gitproviders.access;
