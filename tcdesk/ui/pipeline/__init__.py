"""The TC's pipeline on the desk: leads, the follow-up queue, logging contacts."""
