import naiveBayesTextClassifier from 'wink-naive-bayes-text-classifier';

export interface LabelledText {
  /** Stable across runs (`spamassassin:spam-2/0042`), so the seeded split puts it on the same side every time. */
  key: string;
  text: string;
  isSpam: boolean;
}

/** What every model of this kind is called in its version and on the record. */
export const NAIVE_BAYES = 'multinomial-naive-bayes';

// Multinomial counts with add-0.5 smoothing measured best on the held-out part (docs/adr/0025).
const CONFIG = { considerOnlyPresence: false, smoothingFactor: 0.5 };
const WORD = /[\p{L}\p{N}$!]+/gu;
// Long texts say what they are in their first few hundred words; the cap bounds the cost of a check.
const MAX_TOKENS = 800;

/** Lower-cased words of 2–24 characters ("$", "!" kept: "$$$" and "!!!" are among the strongest spam words). */
export function spamTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    if (word.length > 1 && word.length < 25) tokens.push(word);
    if (tokens.length === MAX_TOKENS) break;
  }
  return tokens;
}

/** A naive Bayes spam classifier (wink-naive-bayes-text-classifier) and its probability for a text. */
export class NaiveBayesSpamClassifier {
  private constructor(private readonly model: ReturnType<typeof naiveBayesTextClassifier>) {}

  static train(examples: LabelledText[], onProgress?: (done: number, total: number) => void): NaiveBayesSpamClassifier {
    const model = NaiveBayesSpamClassifier.empty();
    examples.forEach((example, index) => {
      model.learn(example.text, example.isSpam ? 'spam' : 'ham');
      if (onProgress && (index % 100 === 99 || index === examples.length - 1)) onProgress(index + 1, examples.length);
    });
    model.consolidate();
    return new NaiveBayesSpamClassifier(model);
  }

  static load(parameters: string): NaiveBayesSpamClassifier {
    const model = NaiveBayesSpamClassifier.empty();
    model.importJSON(parameters);
    model.consolidate();
    return new NaiveBayesSpamClassifier(model);
  }

  /** 0..1; a text with no word the model knows scores 0 (nothing suggests spam). */
  probability(text: string): number {
    const spam = this.model.computeOdds(text).find(([label]) => label === 'spam');
    if (!spam) return 0;
    // computeOdds gives log2(P(spam | text) / P(ham | text)).
    return 1 / (1 + 2 ** -spam[1]);
  }

  serialise(): string {
    return this.model.exportJSON();
  }

  private static empty() {
    const model = naiveBayesTextClassifier();
    model.definePrepTasks([spamTokens]);
    model.defineConfig(CONFIG);
    return model;
  }
}
