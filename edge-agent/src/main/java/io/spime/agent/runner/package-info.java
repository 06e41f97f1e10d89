/** The standalone agent runner ({@link io.spime.agent.runner.AgentRunner}): CSV or stdin in, MQTT out. */
package io.spime.agent.runner;
