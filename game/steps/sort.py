"""The `sort` step: the player puts each item into the right one of 2-3 labelled bins."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from game.content.problems import did_you_mean
from game.steps import Slug, StepModel, StepReference, Text
from game.steps.pictures import IconName, Picture, split_art


class SortBin(BaseModel):
    """A labelled place items go into."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug = Field(description="A name for the bin, unique in this step, used by items' `bin`.")
    label: Text = Field(description="What the bin says, e.g. OK to share.")
    icon: IconName | None = Field(default=None, description="A built-in icon shown on the bin.")


class SortItem(BaseModel):
    """A word or picture (or both) to sort."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: Text = Field(description="The item's words.")
    image: Picture | None = Field(default=None, description="An optional picture for the item.")
    bin: Slug = Field(description="The id of the right bin for this item.")
    feedback: Text = Field(description="What Sango says once the item is placed, right or wrong.")


class Sort(BaseModel):
    """The task, the bins and the items."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    prompt: Text = Field(description="What to do, e.g. Which things are OK to share?")
    bins: tuple[SortBin, ...] = Field(min_length=2, max_length=3, description="2 or 3 bins.")
    items: tuple[SortItem, ...] = Field(
        min_length=2, max_length=8, description="2 to 8 items to sort."
    )


class SortStep(StepModel):
    """A sorting game: pick an item, then pick its bin (or drag it there with a mouse)."""

    type_key: ClassVar[str] = "sort"

    sort: Sort = Field(description="The task, 2-3 bins and 2-8 items.")

    def translatable_texts(self) -> Iterator[str]:
        """The prompt, the bin labels, then each item's text and feedback."""
        yield self.sort.prompt
        for bin_ in self.sort.bins:
            yield bin_.label
        for item in self.sort.items:
            yield item.text
            yield item.feedback

    def references(self) -> Iterator[StepReference]:
        """The items' own picture files."""
        for index, item in enumerate(self.sort.items):
            if item.image is not None and split_art(item.image) is None:
                yield StepReference("image", ("sort", "items", index, "image"), item.image)

    def inner_problems(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """Bin ids are unique and every item names one of them."""
        ids: list[str] = []
        for index, bin_ in enumerate(self.sort.bins):
            if bin_.id in ids:
                yield ("sort", "bins", index, "id"), f"bin id '{bin_.id}' is used twice: rename one"
            ids.append(bin_.id)
        for index, item in enumerate(self.sort.items):
            if item.bin not in ids:
                yield (
                    ("sort", "items", index, "bin"),
                    f"bin '{item.bin}' is not one of this step's bins "
                    f"({', '.join(dict.fromkeys(ids))})" + did_you_mean(item.bin, ids),
                )
        used = {item.bin for item in self.sort.items}
        for index, bin_ in enumerate(self.sort.bins):
            if bin_.id not in used:
                yield (
                    ("sort", "bins", index, "id"),
                    f"no item goes into bin '{bin_.id}': give it at least one item, or remove it",
                )
