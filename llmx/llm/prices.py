"""What models cost: one dated table of list prices, which a model config file can override.

Prices are US dollars per million tokens, input (cache miss) and output, as the providers
published them on `PRICES_AS_OF`; they change, so a run records the price it used, and a
config file's `[prices.<model>]` entry takes precedence over this table. A model not in
either has no known price: its cost shows as "cost unknown", never as $0.
"""

from __future__ import annotations

from llmx.record import Price, RunStats

PRICES_AS_OF = "2025-06-01"

LIST_PRICES: dict[str, Price] = {
    # OpenAI
    "gpt-4o": Price(input=2.50, output=10.00),
    "gpt-4o-mini": Price(input=0.15, output=0.60),
    "gpt-4.1": Price(input=2.00, output=8.00),
    "gpt-4.1-mini": Price(input=0.40, output=1.60),
    "gpt-4.1-nano": Price(input=0.10, output=0.40),
    "o4-mini": Price(input=1.10, output=4.40),
    # DeepSeek (standard hours)
    "deepseek-chat": Price(input=0.27, output=1.10),
    "deepseek-reasoner": Price(input=0.55, output=2.19),
    # Alibaba Cloud Model Studio, international
    "qwen-max": Price(input=1.60, output=6.40),
    "qwen-plus": Price(input=0.40, output=1.20),
    "qwen-turbo": Price(input=0.05, output=0.20),
}


def list_price(model: str) -> Price | None:
    """The table's price of `model`, also under a provider prefix ("openai/gpt-4o")."""
    return LIST_PRICES.get(model) or LIST_PRICES.get(model.rsplit("/", 1)[-1])


def known(price: Price) -> bool:
    """A price of zero both ways is no price: nobody publishes a free API as $0/$0 here."""
    return bool(price.input or price.output)


def cost_text(cost: float, price: Price, *, calls: int) -> str:
    """A cost as a person should read it: dollars, or "cost unknown" without a price."""
    if not known(price):
        return "no calls" if calls == 0 else "cost unknown"
    return f"${cost:.4f}" if cost < 1 else f"${cost:,.2f}"


def spent_line(stats: RunStats, price: Price) -> str:
    """What a job has spent so far, short enough for the progress line of a narrow terminal."""
    tokens = stats.tokens_in + stats.tokens_out
    return (
        f"{stats.calls} calls · {stats.cache_hits} cached · {_short(tokens)} tok · "
        f"{cost_text(stats.cost, price, calls=stats.calls)}"
    )


def _short(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f}M"
    return f"{count / 1000:.1f}k" if count >= 1000 else str(count)
