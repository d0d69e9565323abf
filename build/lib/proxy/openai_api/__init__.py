"""Where each OpenAI endpoint family carries text: requests, replies and stream events."""
