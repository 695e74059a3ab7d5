// What an AI agent reads when a step is offered to it as a tool (n8n's AI Agent): it decides from
// these words whether to call the tool and with what, so they say what goes in, what comes out and
// what the tool does not do.
export const tools = {
  classify: {
    description:
      'Classifies one text into one of the categories set up in this tool and returns JSON with label (the chosen category), confidence (from 0 to 1), needs_review (true when the confidence is below the review threshold: a person should check the result) and scores (the confidence of every category). Pass the exact text to classify, such as a customer message or a support ticket, unchanged. It only picks a category: it does not answer questions or write text.',
  },
} as const;
